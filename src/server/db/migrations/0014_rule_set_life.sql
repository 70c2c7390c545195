-- Cell-life rules move into the rule set's data (decision 0006): every rule set installed before this carries
-- the numbers the product applied to all meetings until now (they were a constant in code), so nothing changes
-- for a meeting already on record. A rule set never changes otherwise.
UPDATE "rule_sets" SET "definition" = "definition" || jsonb_build_object('life', jsonb_build_object(
  'regularMeetingsPerHalfYear', 1,
  'reminderDaysBefore', jsonb_build_array(3, 1),
  'consecutiveUnexcusedAbsencesToReport', 2,
  'minutesLockDays', 7,
  'checkInOpensMinutesBefore', 30,
  'checkInClosesMinutesAfter', 30,
  'lateAfterMinutes', 15))
WHERE NOT ("definition" ? 'life');
