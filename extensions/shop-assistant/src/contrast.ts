// WCAG 2 contrast for the merchant's accent colour: the widget puts text on it (launcher,
// panel header, the shopper's bubbles, buttons), so the text colour is computed here,
// never left to the merchant's pick of two colours.

/** Relative luminance of #rrggbb (0 = black, 1 = white); anything else counts as black. */
export function luminance(hex: string): number {
  const [r = 0, g = 0, b = 0] = (hex.match(/^#?([\da-f]{2})([\da-f]{2})([\da-f]{2})$/i) || []).slice(1).map((h) => {
    const c = parseInt(h, 16) / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** The contrast ratio of two colours, 1 to 21. */
export function contrastRatio(a: string, b: string): number {
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (light + 0.05) / (dark + 0.05);
}

/**
 * Black or white, whichever contrasts more with the accent. The better of the two is
 * at least 4.58:1 for every colour (the worst case is a luminance of about 0.18), so the
 * text always meets WCAG AA (4.5:1) for normal text.
 */
export function textOn(accent: string): "#000000" | "#ffffff" {
  const l = luminance(accent) + 0.05;
  return l / 0.05 >= 1.05 / l ? "#000000" : "#ffffff";
}
