/*
 * A signal colour (error red, warning orange) adjusted until text in it is readable on a given
 * background: WCAG AA asks for a contrast of 4.5:1 for normal text, which the themes' `main`
 * colours do not all reach on white or on the dark theme's paper.
 */
import { darken, getContrastRatio, lighten } from '@material-ui/core/styles';

/** WCAG AA contrast of normal text. */
export const READABLE_CONTRAST = 4.5;

/**
 * `color` darkened (on a light background) or lightened (on a dark one) in 10% steps until its
 * contrast with `background` reaches {@link READABLE_CONTRAST}.
 */
export function readableColor(color: string, background: string): string {
  const lightBackground =
    getContrastRatio(background, '#000') > getContrastRatio(background, '#fff');
  let current = color;
  for (let step = 1; step <= 10; step++) {
    if (getContrastRatio(current, background) >= READABLE_CONTRAST) {
      return current;
    }
    current = lightBackground
      ? darken(color, step / 10)
      : lighten(color, step / 10);
  }
  return current;
}
