-- What dashboards read. Per-document charts aggregate current_label and label live (a document's items are few);
-- charts across documents read document_rollup, one row per document and label bucket, refreshed for the
-- documents whose labels changed (rollup_stale), so a corpus of a million comments is summed from small rows.

-- Whether people disagree about an item: the latest labels of two or more annotators differ and no one has
-- adjudicated. Dashboards can leave such items out; the dispute queue lists them. One definition for every
-- reader; a plain SQL function so PostgreSQL inlines it and filters by document through item's index.
CREATE FUNCTION label_disputes(document_ids bigint[])
    RETURNS TABLE (item_id bigint, dimension text, target text)
    LANGUAGE sql STABLE AS $$
SELECT latest.item_id, latest.dimension, latest.target
FROM (SELECT DISTINCT ON (l.item_id, l.dimension, coalesce(l.target, ''), l.annotator)
             l.item_id, l.dimension, l.target, l.value
      FROM label l JOIN item i ON i.id = l.item_id
      WHERE l.source = 'human' AND i.document_id = ANY (document_ids)
      ORDER BY l.item_id, l.dimension, coalesce(l.target, ''), l.annotator, l.created_at DESC, l.id DESC) latest
WHERE NOT EXISTS (SELECT 1 FROM label a
                  WHERE a.source = 'adjudicated' AND a.item_id = latest.item_id
                    AND a.dimension = latest.dimension AND a.target IS NOT DISTINCT FROM latest.target)
GROUP BY latest.item_id, latest.dimension, latest.target
HAVING count(DISTINCT latest.value) > 1
$$;

CREATE INDEX label_human_idx ON label (item_id) WHERE source <> 'model';

CREATE TABLE rollup_stale (
    document_id bigint PRIMARY KEY REFERENCES document (id) ON DELETE CASCADE
);

CREATE FUNCTION labels_make_rollup_stale() RETURNS trigger
    LANGUAGE plpgsql AS
$$
BEGIN
    INSERT INTO rollup_stale (document_id)
    SELECT DISTINCT i.document_id FROM new_labels n JOIN item i ON i.id = n.item_id
    ON CONFLICT DO NOTHING;
    RETURN NULL;
END;
$$;

CREATE TRIGGER label_rollup_stale
    AFTER INSERT ON label
    REFERENCING NEW TABLE AS new_labels
    FOR EACH STATEMENT EXECUTE FUNCTION labels_make_rollup_stale();

-- Counts of labels per document, item kind, dimension, target and value, for each way of choosing labels
-- ("current": adjudicated over human over model; or the latest label of one source), bucketed by confidence
-- (0-9 for [0, 0.1) ... [0.9, 1], 10 for labels without one, i.e. people's) and split by dispute and by whether a
-- person has labelled the item for that target.
CREATE TABLE document_rollup (
    document_id       bigint   NOT NULL REFERENCES document (id) ON DELETE CASCADE,
    kind              text     NOT NULL,
    dimension         text     NOT NULL,
    target            text     NOT NULL DEFAULT '',
    value             text     NOT NULL,
    label_view        text     NOT NULL CHECK (label_view IN ('current', 'model', 'human', 'adjudicated')),
    confidence_bucket smallint NOT NULL,
    disputed          boolean  NOT NULL,
    checked           boolean  NOT NULL,
    n                 integer  NOT NULL
);

CREATE INDEX document_rollup_view_idx ON document_rollup (label_view, dimension, target, document_id);
CREATE INDEX document_rollup_document_idx ON document_rollup (document_id);

-- Item counts kept on the document, so lists and overviews of a thousand documents need not count a million items.
ALTER TABLE document
    ADD COLUMN paragraph_count integer NOT NULL DEFAULT 0,
    ADD COLUMN comment_count   integer NOT NULL DEFAULT 0;

UPDATE document d SET paragraph_count = (SELECT count(*) FROM item i WHERE i.document_id = d.id AND i.kind = 'paragraph'),
                      comment_count   = (SELECT count(*) FROM item i WHERE i.document_id = d.id AND i.kind = 'comment');

CREATE INDEX document_comment_count_idx ON document (comment_count DESC, id);
