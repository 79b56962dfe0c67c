-- The review queue: every label subject (item, dimension, target) that needs a person, and why. A subject is in the
-- queue when the model is unsure of it (its confidence is under the target's threshold and no person has looked),
-- when a person's label overturns the model's, or when people disagree. An adjudication closes it; a later label
-- that differs from the adjudication reopens it. The queue is kept by a trigger, so every writer of labels
-- (classification, import, relabelling, adjudication) keeps it right, and reading it never scans the labels.

-- Optimistic locking for adjudication: every label a person adds to an item bumps the item's label_version, and the
-- label records the version it made, so a decision taken on a stale view is refused with what changed since.
ALTER TABLE item ADD COLUMN label_version integer NOT NULL DEFAULT 0;
ALTER TABLE label ADD COLUMN item_version integer;

-- How sure the model must be for its label to stay out of the queue. A row with target '' applies to every target
-- of the dimension in that codebook; without any row the threshold is 0.6.
CREATE TABLE review_threshold (
    codebook_id bigint NOT NULL REFERENCES codebook (id) ON DELETE CASCADE,
    dimension   text   NOT NULL REFERENCES label_dimension (name),
    target      text   NOT NULL DEFAULT '',
    threshold   real   NOT NULL CHECK (threshold BETWEEN 0 AND 1),
    PRIMARY KEY (codebook_id, dimension, target)
);

CREATE FUNCTION review_threshold_of(codebook bigint, dim text, tgt text) RETURNS real
    LANGUAGE sql STABLE AS
$$
SELECT coalesce((SELECT t.threshold FROM review_threshold t
                 WHERE t.codebook_id = codebook AND t.dimension = dim AND t.target = tgt),
                (SELECT t.threshold FROM review_threshold t
                 WHERE t.codebook_id = codebook AND t.dimension = dim AND t.target = ''),
                0.6)
$$;

CREATE TABLE review_item (
    item_id          bigint      NOT NULL REFERENCES item (id) ON DELETE CASCADE,
    dimension        text        NOT NULL,
    -- The target's slug for stance, '' for sentiment and incivility.
    target           text        NOT NULL,
    document_id      bigint      NOT NULL REFERENCES document (id) ON DELETE CASCADE,
    uncertain        boolean     NOT NULL,
    overturned       boolean     NOT NULL,
    disagreement     boolean     NOT NULL,
    -- Where the label that counts now came from: model, human or adjudicated.
    current_source   text        NOT NULL,
    model_value      text,
    model_confidence real,
    -- The value people's open labels agree on, when they all agree.
    human_value      text,
    -- How many people's latest labels are open (not settled by an adjudication), and how many values they hold.
    coders           integer     NOT NULL,
    distinct_values  integer     NOT NULL,
    -- Lower comes first: people split evenly, then the model's least sure labels, then overturns of a sure model.
    priority         real        NOT NULL,
    opened_at        timestamptz NOT NULL,
    changed_at       timestamptz NOT NULL,
    PRIMARY KEY (item_id, dimension, target),
    CHECK (uncertain OR overturned OR disagreement)
);

CREATE INDEX review_item_priority_idx ON review_item (priority, item_id, dimension, target);
CREATE INDEX review_item_document_idx ON review_item (document_id, priority);
CREATE INDEX review_item_target_idx ON review_item (dimension, target, priority);
CREATE INDEX review_item_opened_idx ON review_item (opened_at, item_id);

-- How many subjects are in the queue for each reason, per document, dimension and target, so the queue page counts
-- a million comments' worth of queue from a few thousand rows.
CREATE TABLE review_count (
    document_id  bigint  NOT NULL REFERENCES document (id) ON DELETE CASCADE,
    dimension    text    NOT NULL,
    target       text    NOT NULL,
    uncertain    integer NOT NULL DEFAULT 0,
    overturned   integer NOT NULL DEFAULT 0,
    disagreement integer NOT NULL DEFAULT 0,
    total        integer NOT NULL DEFAULT 0,
    PRIMARY KEY (document_id, dimension, target)
);

-- The queue state of every subject of the given items that needs a person (subjects that need none are left out).
CREATE FUNCTION review_state(item_ids bigint[])
    RETURNS TABLE (item_id bigint, dimension text, target text, document_id bigint, uncertain boolean,
                   overturned boolean, disagreement boolean, current_source text, model_value text,
                   model_confidence real, human_value text, coders integer, distinct_values integer, priority real)
    LANGUAGE plpgsql STABLE AS
$$
BEGIN
    -- Planned on each call with the real array: a plan made for an unknown array guesses a few rows and
    -- nests loops over the label CTEs, which takes minutes on a thousand items.
    RETURN QUERY EXECUTE $query$
WITH l AS MATERIALIZED (
    SELECT l.id, l.item_id, l.dimension, coalesce(l.target, '') AS target, l.value, l.confidence, l.source,
           l.annotator, l.created_at
    FROM label l WHERE l.item_id = ANY ($1)),
model AS (SELECT DISTINCT ON (item_id, dimension, target) item_id, dimension, target, value, confidence
          FROM l WHERE source = 'model' ORDER BY item_id, dimension, target, created_at DESC, id DESC),
adjudicated AS (SELECT DISTINCT ON (item_id, dimension, target) item_id, dimension, target, value, created_at
                FROM l WHERE source = 'adjudicated' ORDER BY item_id, dimension, target, created_at DESC, id DESC),
people AS (SELECT DISTINCT ON (item_id, dimension, target, annotator) item_id, dimension, target, annotator, value,
                  created_at
           FROM l WHERE source = 'human' ORDER BY item_id, dimension, target, annotator, created_at DESC, id DESC),
-- People's latest labels that came after the last adjudication (all of them when there is none).
open_people AS (SELECT p.* FROM people p
                LEFT JOIN adjudicated a USING (item_id, dimension, target)
                WHERE a.created_at IS NULL OR p.created_at > a.created_at),
-- Per subject: whether anyone labelled it, what the open labels say, and whether one differs from the model's.
labelled AS (SELECT DISTINCT item_id, dimension, target FROM people),
open_summary AS (
    SELECT o.item_id, o.dimension, o.target,
           CASE WHEN count(DISTINCT o.value) = 1 THEN min(o.value) END AS agreed,
           bool_or(m.value IS NOT NULL AND o.value <> m.value) AS differs_from_model
    FROM open_people o LEFT JOIN model m USING (item_id, dimension, target)
    GROUP BY 1, 2, 3),
-- The votes on an open subject: the open labels, and the adjudication they may contradict.
votes AS (SELECT item_id, dimension, target, value FROM open_people
          UNION ALL
          SELECT a.item_id, a.dimension, a.target, a.value FROM adjudicated a
          JOIN open_summary s USING (item_id, dimension, target)),
tally AS (SELECT item_id, dimension, target, value, count(*) AS n FROM votes GROUP BY 1, 2, 3, 4),
split AS (SELECT item_id, dimension, target, sum(n)::integer AS n, count(*)::integer AS kinds, max(n) AS top
          FROM tally GROUP BY 1, 2, 3),
subjects AS (SELECT item_id, dimension, target FROM model
             UNION SELECT item_id, dimension, target FROM people
             UNION SELECT item_id, dimension, target FROM adjudicated),
state AS (
    SELECT s.item_id, s.dimension, s.target, i.document_id,
           coalesce(a.item_id IS NULL AND lb.item_id IS NULL
                    AND m.confidence < review_threshold_of(d.codebook_id, s.dimension, s.target), false) AS uncertain,
           coalesce(a.item_id IS NULL AND os.differs_from_model, false) AS overturned,
           coalesce(sp.kinds > 1, false) AS disagreement,
           coalesce(c.source, 'model') AS current_source, m.value AS model_value, m.confidence AS model_confidence,
           os.agreed AS human_value, coalesce(sp.n, 0) AS coders, coalesce(sp.kinds, 0) AS distinct_values,
           sp.top::real / nullif(sp.n, 0) AS majority_share
    FROM subjects s
    JOIN item i ON i.id = s.item_id
    JOIN document d ON d.id = i.document_id
    LEFT JOIN model m USING (item_id, dimension, target)
    LEFT JOIN adjudicated a USING (item_id, dimension, target)
    LEFT JOIN labelled lb USING (item_id, dimension, target)
    LEFT JOIN open_summary os USING (item_id, dimension, target)
    LEFT JOIN split sp USING (item_id, dimension, target)
    LEFT JOIN current_label c ON c.item_id = s.item_id AND c.dimension = s.dimension
                             AND coalesce(c.target, '') = s.target)
SELECT item_id, dimension, target, document_id, uncertain, overturned, disagreement, current_source,
       model_value, model_confidence, human_value, coders, distinct_values,
       (CASE WHEN disagreement THEN majority_share - 1
             WHEN uncertain THEN coalesce(model_confidence, 0)
             ELSE 2 - coalesce(model_confidence, 0) END)::real AS priority
FROM state
WHERE uncertain OR overturned OR disagreement
$query$ USING item_ids;
END;
$$;

-- Recomputes the queue rows and counts of the given items' subjects.
CREATE FUNCTION review_refresh(item_ids bigint[]) RETURNS void
    LANGUAGE plpgsql AS
$$
BEGIN
    -- Labels of these items written by another transaction must be committed and seen before the state is worked
    -- out again, or the last writer would store a queue that ignores the other's labels. Locks in id order, and
    -- NO KEY UPDATE so they do not wait on the key-share locks that inserting labels takes.
    PERFORM 1 FROM item WHERE id = ANY (item_ids) ORDER BY id FOR NO KEY UPDATE;
    WITH fresh AS (SELECT * FROM review_state(item_ids)),
    old AS (SELECT r.* FROM review_item r WHERE r.item_id = ANY (item_ids)),
    removed AS (
        DELETE FROM review_item r
        WHERE r.item_id = ANY (item_ids)
          AND NOT EXISTS (SELECT 1 FROM fresh f WHERE f.item_id = r.item_id AND f.dimension = r.dimension
                             AND f.target = r.target)),
    kept AS (
        INSERT INTO review_item AS r (item_id, dimension, target, document_id, uncertain, overturned, disagreement,
                                      current_source, model_value, model_confidence, human_value, coders,
                                      distinct_values, priority, opened_at, changed_at)
        SELECT f.item_id, f.dimension, f.target, f.document_id, f.uncertain, f.overturned, f.disagreement,
               f.current_source, f.model_value, f.model_confidence, f.human_value, f.coders, f.distinct_values,
               f.priority,
               clock_timestamp(), clock_timestamp()
        FROM fresh f
        ON CONFLICT (item_id, dimension, target) DO UPDATE
            SET uncertain = excluded.uncertain, overturned = excluded.overturned,
                disagreement = excluded.disagreement, current_source = excluded.current_source,
                model_value = excluded.model_value, model_confidence = excluded.model_confidence,
                human_value = excluded.human_value,
                coders = excluded.coders, distinct_values = excluded.distinct_values, priority = excluded.priority,
                changed_at = excluded.changed_at),
    deltas AS (
        SELECT document_id, dimension, target, sum(u) AS u, sum(o) AS o, sum(g) AS g, sum(t) AS t
        FROM (SELECT document_id, dimension, target, uncertain::int AS u, overturned::int AS o,
                     disagreement::int AS g, 1 AS t FROM fresh
              UNION ALL
              SELECT document_id, dimension, target, -uncertain::int, -overturned::int, -disagreement::int, -1
              FROM old) x
        GROUP BY 1, 2, 3
        HAVING sum(u) <> 0 OR sum(o) <> 0 OR sum(g) <> 0 OR sum(t) <> 0)
    INSERT INTO review_count AS c (document_id, dimension, target, uncertain, overturned, disagreement, total)
    SELECT document_id, dimension, target, u, o, g, t FROM deltas ORDER BY 1, 2, 3
    ON CONFLICT (document_id, dimension, target) DO UPDATE
        SET uncertain = c.uncertain + excluded.uncertain, overturned = c.overturned + excluded.overturned,
            disagreement = c.disagreement + excluded.disagreement, total = c.total + excluded.total;
END;
$$;

CREATE FUNCTION labels_refresh_review() RETURNS trigger
    LANGUAGE plpgsql AS
$$
BEGIN
    PERFORM review_refresh(ARRAY(SELECT DISTINCT item_id FROM new_labels));
    RETURN NULL;
END;
$$;

CREATE TRIGGER label_review
    AFTER INSERT ON label
    REFERENCING NEW TABLE AS new_labels
    FOR EACH STATEMENT EXECUTE FUNCTION labels_refresh_review();

-- One definition of "disputed" for the charts' filter and rollups: people disagree and no adjudication settles it.
-- It now reads the queue instead of the labels.
CREATE OR REPLACE FUNCTION label_disputes(document_ids bigint[])
    RETURNS TABLE (item_id bigint, dimension text, target text)
    LANGUAGE sql STABLE AS $$
SELECT r.item_id, r.dimension, nullif(r.target, '') FROM review_item r
WHERE r.document_id = ANY (document_ids) AND r.disagreement
$$;

-- The queue of what is already labelled.
SELECT review_refresh(ARRAY(SELECT DISTINCT l.item_id FROM label l));
