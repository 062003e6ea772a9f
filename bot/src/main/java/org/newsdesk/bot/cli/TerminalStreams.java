package org.newsdesk.bot.cli;

import org.jline.terminal.spi.SystemStream;
import org.jline.terminal.spi.TerminalProvider;

/** Whether this process's standard streams are a terminal (a person at a keyboard), not a pipe or a file. */
final class TerminalStreams {
  private TerminalStreams() {}

  /** Asks JLine, the terminal library of the progress bar and of chat; false when it cannot tell. */
  static boolean isTerminal(SystemStream stream) {
    try {
      return TerminalProvider.load("exec").isSystemStream(stream);
    } catch (Exception | LinkageError e) {
      return false;
    }
  }

  /** Standard error is a terminal: where the progress bar may redraw. */
  static boolean stderr() {
    return isTerminal(SystemStream.Error);
  }

  /** Standard input and output are both a terminal: where chat may edit lines and use colour. */
  static boolean stdinAndStdout() {
    return isTerminal(SystemStream.Input) && isTerminal(SystemStream.Output);
  }
}
