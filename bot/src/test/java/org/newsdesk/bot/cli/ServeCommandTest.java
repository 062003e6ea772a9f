package org.newsdesk.bot.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.newsdesk.bot.Main;
import picocli.CommandLine;

class ServeCommandTest {
  @TempDir Path dir;

  @Test
  void should_stop_with_one_line_and_exit_1_when_the_token_is_missing() {
    assumeTrue(System.getenv("TELEGRAM_BOT_TOKEN") == null, "runs only where no bot token is set");
    CommandLine cl = Main.commandLine();
    StringWriter err = new StringWriter();
    cl.setErr(new PrintWriter(err));

    int code = cl.execute("serve", "--data", dir.toString());

    assertThat(code).isEqualTo(1);
    assertThat(err.toString()).isEqualTo("newsdesk: TELEGRAM_BOT_TOKEN is not set: create a bot with @BotFather "
        + "and export its token, e.g. export TELEGRAM_BOT_TOKEN=..." + System.lineSeparator());
  }
}
