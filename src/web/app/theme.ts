import { Badge, createTheme } from '@mantine/core';

export const theme = createTheme({
  primaryColor: 'red',
  // red.9 on white is 5.8:1 (red.8 was 4.0:1, under WCAG AA for the links)
  primaryShade: 9,
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
