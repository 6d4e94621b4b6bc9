// WardWatch dashboard: the one way its modules make an element. Every piece of data goes in through textContent.

/** A new `tag` element of class `cls` (or none) holding `text` (or nothing). */
export function el(tag, cls, text) {
  const n = document.createElement(tag);
  if (cls) n.className = cls;
  if (text !== undefined) n.textContent = text;
  return n;
}
