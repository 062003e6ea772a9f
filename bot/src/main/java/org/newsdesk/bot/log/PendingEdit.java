package org.newsdesk.bot.log;

/** An edit of a reader's message that a moderator asked for, claimed by this instance to carry out. */
public record PendingEdit(long id, long answerId, long chatId, int messageId, String newText) {}
