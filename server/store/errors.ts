/** Errors the store raises on its own; the HTTP layer maps them to 404 / 409. */
export class StoreNotFoundError extends Error {
  constructor(
    readonly resource: string,
    readonly id: number,
  ) {
    super(`${resource} ${id} not found`);
    this.name = 'StoreNotFoundError';
  }
}
