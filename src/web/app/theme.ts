import {
  Badge,
  createTheme,
  darken,
  defaultVariantColorsResolver,
  parseThemeColor,
  type VariantColorsResolver,
} from '@mantine/core';

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
  },
});
