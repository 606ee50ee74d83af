import { decideElement, safeProps } from './safe-html-rules';

describe('decideElement', () => {
  test.each([
    ['p', 'keep'],
    ['H2', 'keep'],
    ['blockquote', 'keep'],
    ['script', 'drop'],
    ['iframe', 'drop'],
    ['style', 'drop'],
    ['svg', 'drop'],
    ['div', 'unwrap'],
    ['span', 'unwrap'],
    ['form', 'unwrap'],
  ] as const)('<%s> → %s', (tag, decision) => {
    expect(decideElement(tag)).toBe(decision);
  });
});

describe('safeProps', () => {
  test('only our xa- classes survive; event handlers, styles and ids never do', () => {
    expect(safeProps('p', { class: 'xa-p evil', onclick: 'alert(1)', style: 'position:fixed', id: 'x' })).toEqual({
      className: 'xa-p',
    });
    expect(safeProps('p', {})).toEqual({});
  });

  test('links keep only web addresses and open in a new tab without an opener', () => {
    expect(safeProps('a', { href: 'https://www.who.int/', class: 'xa-a' })).toEqual({
      className: 'xa-a',
      href: 'https://www.who.int/',
      target: '_blank',
      rel: 'noopener noreferrer',
    });
    for (const href of ['javascript:alert(1)', ' JAVASCRIPT:alert(1)', 'data:text/html,<b>', '/admin/staff', '//evil.example']) {
      expect(safeProps('a', { href })).not.toHaveProperty('href');
    }
  });

  test('images only from our own media library; any other source removes the image', () => {
    expect(safeProps('img', { src: '/api/v1/media/65ab12cd34ef56ab78cd90ef', alt: '封面' })).toEqual({
      src: '/api/v1/media/65ab12cd34ef56ab78cd90ef',
      alt: '封面',
    });
    expect(safeProps('img', { src: 'https://tracker.example/p.gif' })).toBeNull();
    expect(safeProps('img', { src: '/api/v1/media/../auth/staff/logout' })).toBeNull();
    expect(safeProps('img', { src: 'data:image/png;base64,AAAA' })).toBeNull();
  });

  test('an ordered list keeps a numeric start only', () => {
    expect(safeProps('ol', { start: '3' })).toEqual({ start: 3 });
    expect(safeProps('ol', { start: '3" onclick="x' })).toEqual({});
  });
});
