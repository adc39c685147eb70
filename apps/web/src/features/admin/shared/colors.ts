// Dark enough for white text on them, and as text on white, to keep WCAG AA contrast
// (Mantine's light variants and "dimmed" text fall under it with this theme).
export const GOOD = '#1e6b30';
export const BAD = '#b02525';
export const MUTED = 'gray.7';
