import { Link, type LinkProps } from 'react-router-dom';

import { cn } from '@/lib/cn';

import { focusRing } from './focus-ring';

export function TextLink({ className, ...props }: LinkProps) {
  return (
    <Link
      className={cn(
        'rounded font-medium text-sky-700 underline-offset-2 hover:underline dark:text-sky-400',
        focusRing,
        className,
      )}
      {...props}
    />
  );
}
