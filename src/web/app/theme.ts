import {
  Badge,
  createTheme,
  darken,
  DEFAULT_THEME,
  defaultVariantColorsResolver,
  parseThemeColor,
  type MantineColorsTuple,
  type VariantColorsResolver,
} from '@mantine/core';

/**
 * Coloured text (`c="red.8"`, `c="orange.9"`, filled buttons with white text) at 4.5:1 or more on white and on the
 * grey of striped or hovered rows (gray.1) (WCAG AA, issue 11): Mantine's shades 8 and 9 are as low as 2.7:1
 * (yellow.9) there. Shade 8 darkened to 4.6:1 on gray.1, shade 9 to 5.3:1 where it was under 4.6:1; the lighter
 * shades (backgrounds, borders) stay as they are.
 */
const darkerText = (name: keyof typeof DEFAULT_THEME.colors, shade8: string, shade9?: string) =>
  DEFAULT_THEME.colors[name].map((c, i) =>
    i === 8 ? shade8 : i === 9 && shade9 ? shade9 : c,
  ) as unknown as MantineColorsTuple;

/**
 * Light variants (badges, light buttons, alerts) read at 4.5:1 or more (WCAG AA, issue 11): Mantine's shade 9
 * on shade 1 is 3.9:1 for orange and 4.4:1 for teal; shade 9 darkened a fifth on shade 0 passes for every colour.
 */
const variantColorResolver: VariantColorsResolver = (input) => {
  const colors = defaultVariantColorsResolver(input);
  if (input.variant !== 'light') return colors;
  const parsed = parseThemeColor({ color: input.color || input.theme.primaryColor, theme: input.theme });
  if (!parsed.isThemeColor || parsed.shade !== undefined) return colors;
  return {
    ...colors,
    background: `var(--mantine-color-${parsed.color}-0)`,
    color: darken(input.theme.colors[parsed.color]![9], 0.2),
  };
};

export const theme = createTheme({
  primaryColor: 'red',
  // red.9 on white is 5.8:1 (red.8 was 4.0:1, under WCAG AA for the links)
  primaryShade: 9,
  variantColorResolver,
  colors: {
    red: darkerText('red', '#ce2d2d'),
    blue: darkerText('blue', '#196fbe'),
    cyan: darkerText('cyan', '#0b788a'),
    teal: darkerText('teal', '#087c58', '#077252'),
    green: darkerText('green', '#257d36', '#237133'),
    lime: darkerText('lime', '#49790b', '#456f0a'),
    yellow: darkerText('yellow', '#9e5c00', '#9a5000'),
    orange: darkerText('orange', '#bc480a', '#b23b0c'),
  },
  defaultRadius: 'md',
  fontFamily:
    'system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Helvetica Neue", Arial, sans-serif',
  headings: { fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", Arial, sans-serif' },
  components: {
    // big touch targets: cell secretaries are often elderly and on phones
    Button: { defaultProps: { size: 'sm' } },
    // Vietnamese labels are long; capitals make them hard to read
    Badge: Badge.extend({
      styles: {
        root: {
          textTransform: 'none',
          height: 'auto',
          minHeight: 20,
          paddingTop: 2,
          paddingBottom: 2,
          maxWidth: '100%',
        },
        label: { whiteSpace: 'normal', overflow: 'visible', textOverflow: 'clip', lineHeight: 1.25 },
      },
    }),
    // a table wider than the screen scrolls sideways: the keyboard must reach it too (WCAG 2.1.1)
    // (a plain object, not TableScrollContainer.extend: importing the component would put the table and
    // scroll-area code into the login page's download)
    TableScrollContainer: {
      defaultProps: { scrollAreaProps: { viewportProps: { tabIndex: 0 } } },
    },
  },
});
