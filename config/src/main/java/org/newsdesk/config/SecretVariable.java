package org.newsdesk.config;

/**
 * Every environment variable that holds a secret. {@link Settings#secret} reads only these, and
 * {@link Settings#secrets} hands the value of each one that is set to whoever masks logs, so a
 * secret cannot be read without being masked. A new secret is one constant here.
 */
public enum SecretVariable {
  /** The bot's token from @BotFather; part of every Bot API URL. */
  TELEGRAM_BOT_TOKEN,
  /** The key of an OpenAI-compatible model server; sent as {@code Authorization: Bearer}. */
  NEWSDESK_LLM_API_KEY,
  /** The PostgreSQL answer log's password. */
  NEWSDESK_LOG_PASSWORD,
  /** The moderators' password for the review page. */
  NEWSDESK_REVIEW_PASSWORD,
  /** The password of the review page's keystore (its HTTPS certificate and key). */
  NEWSDESK_REVIEW_KEYSTORE_PASSWORD,
  /** The password of an OpenSearch cluster used as the search backend. */
  NEWSDESK_OPENSEARCH_PASSWORD
}
