import { type RefObject, useEffect, useState } from 'react';

/** Whether a sideways scroller has more to show: at all, to its left, to its right. */
export type ScrollEdges = { overflows: boolean; left: boolean; right: boolean };

const none: ScrollEdges = { overflows: false, left: false, right: false };
/** Sub-pixel widths leave a fraction of a pixel to scroll: not worth a cue. */
const SLACK_PX = 1;

/**
 * Follows a horizontal scroller (its scrolling, its size and its content's size) and says which edges hide content,
 * for the cues that tell a phone's user a table goes on past the screen.
 */
export function useScrollEdges(ref: RefObject<HTMLElement | null>): ScrollEdges {
  const [edges, setEdges] = useState<ScrollEdges>(none);
  useEffect(() => {
    const scroller = ref.current;
    if (!scroller) return undefined;
    const measure = () => {
      const max = scroller.scrollWidth - scroller.clientWidth;
      const next = {
        overflows: max > SLACK_PX,
        left: max > SLACK_PX && scroller.scrollLeft > SLACK_PX,
        right: max > SLACK_PX && scroller.scrollLeft < max - SLACK_PX,
      };
      setEdges((current) =>
        current.overflows === next.overflows && current.left === next.left && current.right === next.right
          ? current
          : next,
      );
    };
    measure();
    scroller.addEventListener('scroll', measure, { passive: true });
    // The scroller narrows with the window; the table widens as its rows arrive.
    const observer = typeof ResizeObserver === 'undefined' ? undefined : new ResizeObserver(measure);
    observer?.observe(scroller);
    if (scroller.firstElementChild) observer?.observe(scroller.firstElementChild);
    return () => {
      scroller.removeEventListener('scroll', measure);
      observer?.disconnect();
    };
  }, [ref]);
  return edges;
}
