-- CreateTable
CREATE TABLE "sla_recomputation_requests" (
    "id" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "policyIds" UUID[],
    "requestedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "completedAt" TIMESTAMPTZ(3),

    CONSTRAINT "sla_recomputation_requests_pkey" PRIMARY KEY ("id")
);

-- "By the end of the Nth working day" now counts from the calendar day a
-- message arrived on: the running deadlines of every policy with such a
-- target are recomputed once, by the scheduler, after this migration.
INSERT INTO "sla_recomputation_requests" ("id", "reason", "policyIds")
SELECT 'working-days-from-arrival-day',
       'Working-day targets count from the day of arrival',
       COALESCE(array_agg("id"), '{}')
FROM "sla_policies"
WHERE "firstResponse" ? 'workingDays' OR "nextResponse" ? 'workingDays'
   OR "resolution" ? 'workingDays';
