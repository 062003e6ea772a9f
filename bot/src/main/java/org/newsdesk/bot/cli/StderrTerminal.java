package org.newsdesk.bot.cli;

import org.jline.terminal.spi.SystemStream;
import org.jline.terminal.spi.TerminalProvider;

/** Whether this process's standard error is a terminal (a person watching), not a pipe or a file. */
final class StderrTerminal {
  private StderrTerminal() {}

  /** Asks JLine, the terminal library the progress bar draws with; false when it cannot tell. */
  static boolean isTerminal() {
    try {
      return TerminalProvider.load("exec").isSystemStream(SystemStream.Error);
    } catch (Exception | LinkageError e) {
      return false;
    }
  }
}
