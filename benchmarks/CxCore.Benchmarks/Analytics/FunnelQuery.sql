-- How many customers reach each step of a 4-step ordered funnel (docs/analytics.md, "Funnels"), in DuckDB.
-- Table: interactions(customer VARCHAR, id BIGINT, ts TIMESTAMP, kind VARCHAR).
-- Parameters: $from, $to (TIMESTAMP: events in [from, to) count), $window_us (BIGINT, microseconds),
-- $step0 ... $step3 (four distinct kinds).
--
-- CxCore's rules, written the way one would for DuckDB:
--  * A customer's events are in time order, ties by interaction id (CxCore orders ties by id; `id` is the number
--    whose zero-padded text is CxCore's id, so the order is the same). An event can follow another at the same
--    instant if it comes later in that order, as in CxCore.
--  * Every step-0 event starts an attempt. Each next step is the earliest matching event after the previous one
--    (greedy: a later choice can only do worse), and counts if it is no later than the attempt's step 0 + window
--    (inclusive). Since events are in time order, if the earliest candidate is too late, every later one is too.
--  * A customer reaches step k if any of their attempts does (the attempt that gets furthest).
--  * In an ordered funnel other kinds may happen between steps, so only the four kinds are kept.
-- Shared with tests/CxCore.Tests (FunnelDuckDbEquivalenceTests), which checks it against FunnelAnalysis.
WITH events AS MATERIALIZED (
    SELECT customer,
           ts,
           row_number() OVER (PARTITION BY customer ORDER BY ts, id) AS pos,
           CASE kind WHEN $step0 THEN 0 WHEN $step1 THEN 1 WHEN $step2 THEN 2 ELSE 3 END AS step
    FROM interactions
    WHERE ts >= $from AND ts < $to AND kind IN ($step0, $step1, $step2, $step3)
),
reached0 AS (
    SELECT customer, ts AS start, pos
    FROM events
    WHERE step = 0
),
-- ASOF JOIN with "r.pos < e.pos": for each attempt, the customer's first step-k event after its previous step.
reached1 AS MATERIALIZED (
    SELECT r.customer, r.start, e.pos
    FROM reached0 r
    ASOF JOIN (SELECT customer, ts, pos FROM events WHERE step = 1) e
        ON r.customer = e.customer AND r.pos < e.pos
    WHERE e.ts <= r.start + to_microseconds($window_us)
),
reached2 AS MATERIALIZED (
    SELECT r.customer, r.start, e.pos
    FROM reached1 r
    ASOF JOIN (SELECT customer, ts, pos FROM events WHERE step = 2) e
        ON r.customer = e.customer AND r.pos < e.pos
    WHERE e.ts <= r.start + to_microseconds($window_us)
),
reached3 AS (
    SELECT r.customer
    FROM reached2 r
    ASOF JOIN (SELECT customer, ts, pos FROM events WHERE step = 3) e
        ON r.customer = e.customer AND r.pos < e.pos
    WHERE e.ts <= r.start + to_microseconds($window_us)
)
SELECT (SELECT count(DISTINCT customer) FROM reached0) AS step0,
       (SELECT count(DISTINCT customer) FROM reached1) AS step1,
       (SELECT count(DISTINCT customer) FROM reached2) AS step2,
       (SELECT count(DISTINCT customer) FROM reached3) AS step3
