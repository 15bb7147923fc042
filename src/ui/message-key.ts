/** Message key for an enum value: message names allow only letters, digits and underscores. */
export const key = (prefix: string, value: string) => `${prefix}_${value.replace(/-/g, "_")}`;
