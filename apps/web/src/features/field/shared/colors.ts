/** Colours of the field app that keep text above the WCAG AA contrast ratio on white (Mantine's orange does not). */
export const ATTENTION = '#8a3b00';
export const SECONDARY_TEXT = 'gray.7';
