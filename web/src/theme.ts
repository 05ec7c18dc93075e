import { createTheme, DEFAULT_THEME, type CSSVariablesResolver, type MantineColorsTuple } from '@mantine/core';

const FONT = 'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif';

/** A palette with its darkest shade replaced, so white text on it and it on a tint pass WCAG AA. */
function withDarkest(name: 'green' | 'red' | 'yellow', darkest: string): MantineColorsTuple {
  const shades = [...DEFAULT_THEME.colors[name]];
  shades[9] = darkest;
  return shades as unknown as MantineColorsTuple;
}

/**
 * Shade 8 of blue keeps white button text and links above the AA 4.5:1 ratio (Mantine's default
 * shade 6 is about 3.5:1). No web fonts: the CSP allows none from outside.
 */
export const theme = createTheme({
  primaryColor: 'blue',
  primaryShade: { light: 8, dark: 4 },
  colors: {
    green: withDarkest('green', '#237032'),
    red: withDarkest('red', '#b02525'),
    yellow: withDarkest('yellow', '#8a5300'),
  },
  fontFamily: FONT,
  headings: { fontFamily: FONT },
  defaultRadius: 'sm',
  focusRing: 'auto',
});

const TEXT_COLOURS = ['blue', 'red', 'green', 'yellow', 'gray', 'dark'] as const;

/**
 * Text on tinted ("light") and outlined components in shade 9 instead of the primary shade, and
 * dimmed text in gray 7: Mantine's defaults there sit just under 4.5:1.
 */
export const cssVariablesResolver: CSSVariablesResolver = () => {
  const light: Record<string, string> = {
    '--mantine-color-dimmed': 'var(--mantine-color-gray-7)',
    // Placeholders stay lighter than typed text but readable (4.7:1).
    '--mantine-color-placeholder': '#6c757d',
    '--mantine-primary-color-light-color': 'var(--mantine-color-blue-9)',
    '--mantine-color-error': 'var(--mantine-color-red-9)',
    '--mantine-color-gray-light-color': 'var(--mantine-color-gray-8)',
    '--mantine-color-gray-outline': 'var(--mantine-color-gray-8)',
  };
  for (const colour of TEXT_COLOURS) {
    if (colour === 'gray') continue;
    light[`--mantine-color-${colour}-light-color`] = `var(--mantine-color-${colour}-9)`;
    light[`--mantine-color-${colour}-outline`] = `var(--mantine-color-${colour}-9)`;
  }
  return { variables: {}, light, dark: {} };
};
