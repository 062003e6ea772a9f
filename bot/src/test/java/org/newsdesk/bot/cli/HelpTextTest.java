package org.newsdesk.bot.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.newsdesk.bot.Main;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code --help} in whole sentences: every paragraph of a command's description (the first is its
 * summary in the list of commands) and of every option's and parameter's, capitalised and ending
 * with a full stop. picocli wraps each paragraph itself, so a paragraph is never half a sentence.
 */
class HelpTextTest {
  private static void collect(CommandLine command, List<String> descriptions) {
    CommandSpec spec = command.getCommandSpec();
    String name = spec.qualifiedName(" ");
    for (String paragraph : spec.usageMessage().description()) descriptions.add(name + ": " + paragraph);
    for (ArgSpec arg : spec.args()) {
      String label = arg.isOption() ? ((CommandLine.Model.OptionSpec) arg).longestName() : arg.paramLabel();
      for (String paragraph : arg.description()) descriptions.add(name + " " + label + ": " + paragraph);
    }
    for (CommandLine sub : command.getSubcommands().values()) collect(sub, descriptions);
  }

  @Test
  void should_describe_every_command_option_and_parameter_in_whole_sentences() {
    List<String> descriptions = new ArrayList<>();
    collect(Main.commandLine(), descriptions);

    assertThat(descriptions).hasSizeGreaterThan(30);
    assertThat(descriptions).allSatisfy(d -> {
      String text = d.substring(d.indexOf(": ") + 2).replace("%n", " ").strip();
      assertThat(text).as(d).isNotBlank().matches("\\p{Lu}.*").endsWith(".");
    });
  }
}
