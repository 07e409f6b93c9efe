/** The list envelope `{paging:{total,offset,limit}, results:[…]}` read tolerantly (reference §1.3). */
import { z } from 'zod/mini';

import { numberField, shownObject, tolerantObject } from './tolerant';

export type Paging = { total: number; offset: number; limit: number };
export type List<Item> = { paging: Paging; results: Item[] };

const pagingReader = shownObject({ total: numberField, offset: numberField, limit: numberField });

/**
 * `results` must be a list of readable items (a page cannot show a list it cannot read); `paging` is read when it
 * can be, and otherwise taken as one page holding everything that came.
 */
export function listOf<Item extends z.ZodMiniType>(item: Item) {
  const envelope = tolerantObject({ results: z.array(item) }, { paging: pagingReader });
  const withPaging = (list: z.output<typeof envelope>): List<z.output<Item>> => {
    const count = list.results.length;
    const paging = list.paging;
    return {
      ...list,
      paging: {
        total: paging?.total ?? count,
        offset: paging?.offset ?? 0,
        limit: paging?.limit ?? Math.max(count, 1),
      },
    };
  };
  return z.pipe(envelope, z.transform(withPaging));
}
