/** JSON values as they travel on the wire: the fixture's objects are plain data, serialized as they are. */
export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
export type JsonObject = { [key: string]: Json };

/** nullplatform's lists (reference §1.3): `{paging:{total,offset,limit}, results}`. */
export type Listing<T> = { paging: { total: number; offset: number; limit: number }; results: T[] };

/** Every nullplatform entity lives in organization 1 here, as in context.json's `nrn` values. */
export const ORGANIZATION_ID = 1;
