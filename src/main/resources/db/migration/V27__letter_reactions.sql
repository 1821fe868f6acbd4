-- "I've felt this too" (issue 11, item 7): how many readers said so, per letter, and nothing else.
-- No row per reaction, so nothing here can ever say who reacted, from where, or when: which
-- letters she has reacted to is kept only on her own device (a cookie, see FeltThisToo).
CREATE TABLE letter_reaction (
    letter_id BIGINT PRIMARY KEY REFERENCES letter (id),
    felt INTEGER NOT NULL
);
