// The hand-worked billing example shared by the mrrMovements and cohortRetention tests.

/**
 * Ten customers, January to April 2026, covering every movement kind. Worked out by hand
 * (MRR at each month's end; movements between consecutive month ends):
 *
 * | customer | changes                              | Jan | Feb | Mar | Apr | movements                    |
 * | A        | Jan 3 → 100, Mar 10 → 150            | 100 | 100 | 150 | 150 | new Jan, expansion 50 Mar    |
 * | B        | Jan 10 → 200, Feb 5 → 120            | 200 | 120 | 120 | 120 | new Jan, contraction 80 Feb  |
 * | C        | Jan 15 → 50, Feb 20 → 0, Apr 2 → 60  |  50 |   0 |   0 |  60 | new Jan, churn 50 Feb, reactivation 60 Apr |
 * | D        | Feb 1 → 80, Feb 25 → 90 (two in Feb) |   0 |  90 |  90 |  90 | new 90 Feb                   |
 * | E        | Mar 5 → 40, Mar 28 → 0 (in and out)  |   0 |   0 |   0 |   0 | none                         |
 * | F        | Jan 20 → 30, Feb 28 → 0 (to 0), Apr 10 → 45 | 30 | 0 | 0 | 45 | new Jan, churn 30 Feb, reactivation 45 Apr |
 * | G        | Apr 1 → 70                           |   0 |   0 |   0 |  70 | new Apr                      |
 * | H        | Jan 31 23:59:59Z → 10, Mar 31 → 10   |  10 |  10 |  10 |  10 | new Jan (UTC), no change Mar |
 * | I        | Mar 3 → 0 (a cancellation only)      |   0 |   0 |   0 |   0 | none                         |
 * | J        | Feb 10 → 25, Feb 10 → 0 (same day, later) | 0 | 0 | 0 |   0 | none                         |
 *
 * Jan: new 100 + 200 + 50 + 30 + 10 = 390 (5 customers); ending 390, 5.
 * Feb: start 390 (5); new 90 (D); contraction 80 (B); churn 50 + 30 = 80 (C, F); ending
 *      390 + 90 − 80 − 80 = 320; customers 5 + 1 − 2 = 4 (A 100, B 120, D 90, H 10 = 320).
 * Mar: start 320 (4); expansion 50 (A); ending 370, 4 (A 150, B 120, D 90, H 10).
 * Apr: start 370 (4); new 70 (G); reactivation 60 + 45 = 105 (C, F); ending 545, 7.
 */
export const CHANGES = [
  { customer: "A", time: "2026-01-03", mrr: 100 },
  { customer: "B", time: "2026-01-10", mrr: 200 },
  { customer: "C", time: "2026-01-15", mrr: 50 },
  { customer: "F", time: "2026-01-20", mrr: 30 },
  { customer: "H", time: "2026-01-31T23:59:59Z", mrr: 10 },
  { customer: "D", time: "2026-02-01", mrr: 80 },
  { customer: "B", time: "2026-02-05", mrr: 120 },
  { customer: "J", time: "2026-02-10T09:00", mrr: 25 },
  { customer: "J", time: "2026-02-10T17:00", mrr: 0 },
  { customer: "C", time: "2026-02-20", mrr: 0 },
  { customer: "D", time: "2026-02-25", mrr: 90 },
  { customer: "F", time: "2026-02-28", mrr: 0 },
  { customer: "I", time: "2026-03-03", mrr: 0 },
  { customer: "E", time: "2026-03-05", mrr: 40 },
  { customer: "A", time: "2026-03-10", mrr: 150 },
  { customer: "E", time: "2026-03-28", mrr: 0 },
  { customer: "H", time: "2026-03-31", mrr: 10 },
  { customer: "G", time: "2026-04-01", mrr: 70 },
  { customer: "C", time: "2026-04-02", mrr: 60 },
  { customer: "F", time: "2026-04-10", mrr: 45 },
];
