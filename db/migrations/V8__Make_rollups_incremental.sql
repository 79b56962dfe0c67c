-- A person's save changes a handful of label subjects; recounting the whole document for it is wasteful and leaves
-- corpus charts behind for a refresh cycle. rollup_rows() gives the rollup rows that some items contribute, so a
-- save subtracts its item's rows before it writes and adds them back after, in its own transaction; documents whose
-- labels change in bulk (classification, import) are still recounted whole in the background.

CREATE FUNCTION rollup_rows(item_ids bigint[])
    RETURNS TABLE (document_id bigint, kind text, dimension text, target text, value text, label_view text,
                   confidence_bucket smallint, disputed boolean, checked boolean, n integer)
    LANGUAGE plpgsql STABLE AS
$$
BEGIN
    -- Planned on each call with the real array: a plan made for an unknown array guesses a few rows and
    -- nests loops over the label CTEs, which takes minutes on a thousand items.
    RETURN QUERY EXECUTE $query$
WITH items AS (SELECT i.id, i.document_id, i.kind FROM item i WHERE i.id = ANY ($1)),
chosen AS (
    SELECT 'current' AS label_view, c.item_id, c.dimension, c.target, c.value, c.confidence
    FROM current_label c JOIN items i ON i.id = c.item_id
    UNION ALL
    (SELECT DISTINCT ON (l.item_id, l.dimension, coalesce(l.target, ''), l.source)
            l.source, l.item_id, l.dimension, l.target, l.value, l.confidence
     FROM label l JOIN items i ON i.id = l.item_id
     ORDER BY l.item_id, l.dimension, coalesce(l.target, ''), l.source, l.created_at DESC, l.id DESC)),
people AS (
    SELECT DISTINCT l.item_id, l.dimension, coalesce(l.target, '') AS target
    FROM label l JOIN items i ON i.id = l.item_id WHERE l.source <> 'model'),
disputed AS (
    SELECT r.item_id, r.dimension, r.target FROM review_item r JOIN items i ON i.id = r.item_id WHERE r.disagreement)
SELECT i.document_id, i.kind, c.dimension, coalesce(c.target, ''), c.value, c.label_view,
       (CASE WHEN c.confidence IS NULL THEN 10 ELSE least(9, floor(c.confidence * 10)) END)::smallint,
       d.item_id IS NOT NULL, p.item_id IS NOT NULL, count(*)::integer
FROM chosen c JOIN items i ON i.id = c.item_id
LEFT JOIN disputed d ON d.item_id = c.item_id AND d.dimension = c.dimension AND d.target = coalesce(c.target, '')
LEFT JOIN people p ON p.item_id = c.item_id AND p.dimension = c.dimension AND p.target = coalesce(c.target, '')
GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9
$query$ USING item_ids;
END;
$$;

-- Each rollup bucket once, so a save can add to or take from it.
CREATE UNIQUE INDEX document_rollup_bucket_idx
    ON document_rollup (document_id, kind, dimension, target, value, label_view, confidence_bucket, disputed, checked);

-- Whoever changes a document's rollup rows holds this lock until commit, taken in document order: people saving in
-- the same document, bulk decisions and the background recount then go one after another instead of deadlocking
-- on the rows they share.
CREATE FUNCTION rollup_lock(document_ids bigint[]) RETURNS void
    LANGUAGE plpgsql AS
$$
DECLARE
    document bigint;
BEGIN
    FOR document IN SELECT DISTINCT d FROM unnest(document_ids) AS d ORDER BY d LOOP
        PERFORM pg_advisory_xact_lock(1380928588, (document % 2147483647)::integer);
    END LOOP;
END;
$$;

-- Adds (sign 1) or takes away (sign -1) the rollup rows of the given items; empty buckets go.
CREATE FUNCTION rollup_apply(item_ids bigint[], sign integer) RETURNS void
    LANGUAGE plpgsql AS
$$
BEGIN
    PERFORM rollup_lock(ARRAY(SELECT DISTINCT i.document_id FROM item i WHERE i.id = ANY (item_ids)));
    INSERT INTO document_rollup AS r (document_id, kind, dimension, target, value, label_view, confidence_bucket,
                                      disputed, checked, n)
    SELECT document_id, kind, dimension, target, value, label_view, confidence_bucket, disputed, checked, sign * n
    FROM rollup_rows(item_ids) ORDER BY 1, 2, 3, 4, 5, 6, 7, 8, 9
    ON CONFLICT (document_id, kind, dimension, target, value, label_view, confidence_bucket, disputed, checked)
        DO UPDATE SET n = r.n + excluded.n;
    DELETE FROM document_rollup r
    WHERE r.n = 0 AND r.document_id IN (SELECT i.document_id FROM item i WHERE i.id = ANY (item_ids));
END;
$$;

-- A transaction that keeps the rollups itself (SET LOCAL counterpoint.rollups = 'kept') does not mark documents stale.
CREATE OR REPLACE FUNCTION labels_make_rollup_stale() RETURNS trigger
    LANGUAGE plpgsql AS
$$
BEGIN
    IF current_setting('counterpoint.rollups', true) = 'kept' THEN
        RETURN NULL;
    END IF;
    INSERT INTO rollup_stale (document_id)
    SELECT DISTINCT i.document_id FROM new_labels n JOIN item i ON i.id = n.item_id
    ON CONFLICT DO NOTHING;
    RETURN NULL;
END;
$$;
