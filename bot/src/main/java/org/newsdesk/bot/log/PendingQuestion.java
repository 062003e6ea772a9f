package org.newsdesk.bot.log;

/** A logged question this instance has claimed and must answer. */
public record PendingQuestion(long answerId, Question question) {}
