/**
 * Creates an element with attributes (text sets its text; null and undefined are left out) and children.
 * A style is set through the element's style object: the Content-Security-Policy refuses style attributes.
 */
export function element(tag, attributes = {}, children = []) {
  const node = document.createElement(tag);
  Object.entries(attributes).forEach(([name, value]) => {
    if (name === 'text') node.textContent = value;
    else if (name === 'style' && value !== undefined && value !== null) node.style.cssText = value;
    else if (value !== undefined && value !== null) node.setAttribute(name, value);
  });
  children.forEach((child) => node.append(child));
  return node;
}
