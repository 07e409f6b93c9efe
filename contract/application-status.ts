/**
 * Application statuses (reference §2). Apart from the schemas, with no zod import, so that the SPA's first page can
 * offer them as a filter without loading the request schemas of contract/application.ts.
 */
export const applicationStatuses = ['creating', 'active', 'inactive', 'archived'] as const;
export type ApplicationStatus = (typeof applicationStatuses)[number];
