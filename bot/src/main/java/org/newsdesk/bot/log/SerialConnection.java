package org.newsdesk.bot.log;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.locks.ReentrantLock;

/**
 * One connection to the answer log, used by one thread at a time, each unit of work in its own
 * transaction. SQLite takes one writer at a time anyway; a single connection saves opening one
 * per write and never meets its own lock. A broken connection is replaced on the next use.
 */
final class SerialConnection implements AutoCloseable {
  interface Work<T> {
    T run(Connection c) throws SQLException;
  }

  private final LogDatabase database;
  private final ReentrantLock lock = new ReentrantLock();
  private Connection connection;
  private boolean closed;

  SerialConnection(LogDatabase database) {
    this.database = database;
  }

  <T> T transaction(Work<T> work) {
    lock.lock();
    try {
      if (closed) throw new IllegalStateException("the answer log is closed");
      Connection c = connection();
      try {
        T result = work.run(c);
        c.commit();
        return result;
      } catch (SQLException | RuntimeException e) {
        rollback(c);
        throw e instanceof RuntimeException r ? r : new AnswerLogException("answer log write failed", e);
      }
    } catch (SQLException e) {
      throw new AnswerLogException("answer log unavailable at " + database.safeUrl(), e);
    } finally {
      lock.unlock();
    }
  }

  private Connection connection() throws SQLException {
    if (connection == null || connection.isClosed() || !connection.isValid(2)) {
      if (connection != null) quietlyClose(connection);
      connection = database.open();
      connection.setAutoCommit(false);
    }
    return connection;
  }

  private void rollback(Connection c) {
    try {
      c.rollback();
    } catch (SQLException e) {
      quietlyClose(c);
      connection = null;
    }
  }

  private static void quietlyClose(Connection c) {
    try {
      c.close();
    } catch (SQLException ignored) {
      // already broken; a new connection replaces it
    }
  }

  @Override
  public void close() {
    lock.lock();
    try {
      closed = true;
      if (connection != null) quietlyClose(connection);
      connection = null;
    } finally {
      lock.unlock();
    }
  }
}
