-- One review as the first release stored it, in the oldest migration's schema: the
-- migration tests upgrade it from every earlier revision, and `make bundle-test` checks
-- that the packaged application upgrades it (packaging/old_database.py).
INSERT INTO review_session (id, title, reviewer, notes, ui_state, scale, created_at, updated_at)
VALUES (1, 'Review from the first release', 'ana', '', '{}', 'default', '2025-01-01 10:00:00', '2025-01-01 10:00:00');
INSERT INTO article (id, session_id, position, source, created_at, updated_at)
VALUES (1, 1, 0, 'old.txt', '2025-01-01 10:00:00', '2025-01-01 10:00:00');
INSERT INTO article_version (id, article_id, number, authors, text, structure, raw_zlib, raw_sha256, fetched_at, extractor)
VALUES (1, 1, 1, '[]', 'Some 40 tanks moved.', '[]', x'', '', '2025-01-01 10:00:00', 'test');
INSERT INTO claim (id, article_id, article_version_id, kind, start, "end", text, prefix, suffix, wording, origin, status,
                   verdict, rationale, tags, created_by, updated_by, version, created_at, updated_at)
VALUES (1, 1, 1, 'figure', 0, 14, 'Some 40 tanks', '', ' moved.', '', 'detected', 'accepted', 'true', 'Seen on video',
        '[]', 'ana', 'ana', 2, '2025-01-01 10:00:00', '2025-01-01 10:00:00');
