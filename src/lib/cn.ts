import { clsx, type ClassValue } from 'clsx';

/** Joins class names; tailwind classes are written so that later ones never need to override earlier ones. */
export function cn(...values: ClassValue[]): string {
  return clsx(values);
}
