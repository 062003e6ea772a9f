-- What each question the articles could not answer means, as the embedding model of dense
-- retrieval reads it: the review page's insights group the same need asked in other words by
-- these vectors, without loading the model. Written with a not-found answer while dense retrieval
-- is on; answers logged before V5, or while it was off, have none and are grouped by their words.
-- The one dialect difference, the byte-string type, comes from the placeholder ${bytes}.
CREATE TABLE question_vectors (
  answer_id BIGINT PRIMARY KEY REFERENCES answers (id),
  model     TEXT NOT NULL,        -- the embedding model's name; vectors of two models are never compared
  vector    ${bytes} NOT NULL     -- float32 values, little-endian, of the standalone query that was searched
);
