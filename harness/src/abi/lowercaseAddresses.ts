const ADDRESS = /^0x[0-9a-fA-F]{40}$/;

/**
 * Vigil writes addresses in lower case everywhere (actors, senders, arguments); viem
 * decodes them checksummed. Decoded values pass through here so `===` compares like with like.
 */
export function lowercaseAddresses<T>(value: T): T {
  if (typeof value === 'string') return (ADDRESS.test(value) ? value.toLowerCase() : value) as T;
  if (Array.isArray(value)) return value.map(lowercaseAddresses) as T;
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, lowercaseAddresses(v)])) as T;
  }
  return value;
}
