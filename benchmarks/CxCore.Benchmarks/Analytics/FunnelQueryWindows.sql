-- The same funnel as FunnelQuery.sql (same table, parameters and rules), with window functions instead of ASOF joins:
-- one pass per step over each customer's events in order, no joins.
--
-- A customer reaches step k if some chain step 0 → … → step k (in event order) ends no later than its step 0 + window.
-- For a step-k event, the best chain ending there is the one with the latest start: carry, step by step, the latest
-- start that reaches each event in time (a running max over the earlier events of the previous step), and drop an
-- event whose latest start is already more than the window before it (no chain through it can be in time either,
-- since later steps are later still). This gives the same per-step counts as CxCore's greedy attempts.
-- Shared with tests/CxCore.Tests (FunnelDuckDbEquivalenceTests), which checks it against FunnelAnalysis.
WITH events AS (
    SELECT customer,
           ts,
           id,
           CASE kind WHEN $step0 THEN 0 WHEN $step1 THEN 1 WHEN $step2 THEN 2 ELSE 3 END AS step
    FROM interactions
    WHERE ts >= $from AND ts < $to AND kind IN ($step0, $step1, $step2, $step3)
),
start1 AS (
    SELECT *, max(CASE WHEN step = 0 THEN ts END) OVER earlier AS latest
    FROM events
    WINDOW earlier AS (PARTITION BY customer ORDER BY ts, id ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING)
),
reached1 AS (
    SELECT customer, ts, id, step,
           CASE WHEN step = 1 AND ts <= latest + to_microseconds($window_us) THEN latest END AS start1
    FROM start1
),
start2 AS (
    SELECT *, max(start1) OVER earlier AS latest
    FROM reached1
    WINDOW earlier AS (PARTITION BY customer ORDER BY ts, id ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING)
),
reached2 AS (
    SELECT customer, ts, id, step, start1,
           CASE WHEN step = 2 AND ts <= latest + to_microseconds($window_us) THEN latest END AS start2
    FROM start2
),
start3 AS (
    SELECT *, max(start2) OVER earlier AS latest
    FROM reached2
    WINDOW earlier AS (PARTITION BY customer ORDER BY ts, id ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING)
)
SELECT count(DISTINCT customer) FILTER (WHERE step = 0) AS step0,
       count(DISTINCT customer) FILTER (WHERE start1 IS NOT NULL) AS step1,
       count(DISTINCT customer) FILTER (WHERE start2 IS NOT NULL) AS step2,
       count(DISTINCT customer) FILTER (WHERE step = 3 AND ts <= latest + to_microseconds($window_us)) AS step3
FROM start3
