/**
 * A page of a deployment's instance logs (`GET /console/deployment/:id/logs`, contract/instance-logs.ts) as the SPA
 * reads it. Each line needs its `seq` (the cursor the panel follows from), its instance and its text; its stream and
 * time are shown when they read (a stream the console does not know is shown as its name). Without `paging.next`,
 * the page continues after its last line.
 */
import { z } from 'zod/mini';

import { booleanField, numberField, shownObject, textField, timeField, tolerantObject } from './tolerant';

const wholeNumber = z.pipe(numberField, z.number().check(z.int(), z.nonnegative()));

const logLineReader = tolerantObject(
  { seq: wholeNumber, instance: wholeNumber, line: textField },
  { stream: textField, timestamp: timeField },
);
export type LogLine = z.output<typeof logLineReader>;

const pagingReader = shownObject({ next: wholeNumber, has_more: booleanField });

const logPageFields = tolerantObject(
  { results: z.array(logLineReader) },
  { instances: z.array(wholeNumber), paging: pagingReader },
);

export const logPageReader = z.pipe(
  logPageFields,
  z.transform((page: z.output<typeof logPageFields>) => ({
    results: page.results,
    instances: page.instances ?? [...new Set(page.results.map((line) => line.instance))].sort((a, b) => a - b),
    next: page.paging?.next ?? Math.max(0, ...page.results.map((line) => line.seq)),
    hasMore: page.paging?.has_more ?? false,
  })),
);
export type LogPage = z.output<typeof logPageReader>;
