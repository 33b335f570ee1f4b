// Answers of pure functions of a string, remembered between lints: an edit leaves most of a document's items,
// sentences and cells as they were, so their answers are read back instead of worked out again. Only for functions
// whose answer depends on nothing but the string (and constants): the key is the whole input.
//
// Two generations: a lookup finds the current or the previous one (and moves the answer up); when the current one is
// full it becomes the previous and the oldest answers go. Memory stays bounded whatever is linted, and the answers a
// document being typed in keeps asking for survive.

export function memoByText<T>(fn: (text: string) => T, max = 20_000): (text: string) => T {
  let current = new Map<string, T>();
  let previous = new Map<string, T>();
  return (text) => {
    if (current.has(text)) return current.get(text) as T;
    const value = previous.has(text) ? (previous.get(text) as T) : fn(text);
    if (current.size >= max) {
      previous = current;
      current = new Map();
    }
    current.set(text, value);
    return value;
  };
}
