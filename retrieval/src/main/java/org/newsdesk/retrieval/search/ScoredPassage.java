package org.newsdesk.retrieval.search;

import org.newsdesk.retrieval.Passage;

/** A passage with its retrieval score (higher is better; comparable only within one search). */
public record ScoredPassage(Passage passage, float score) {}
