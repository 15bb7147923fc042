/** The request boundary: zod's safeParse shape, and error messages that name the field. */
import type { ZodError } from "zod";
import { DisclosureRequest } from "./schema.ts";

export type ParseResult = { success: true; data: DisclosureRequest } | { success: false; error: ZodError };

export function parseRequest(input: unknown): ParseResult {
  const result = DisclosureRequest.safeParse(input);
  return result.success ? { success: true, data: result.data } : { success: false, error: result.error };
}

/** One message per issue, led by the field's path, e.g. "recipient.type: Invalid option: …". */
export function formatIssues(error: ZodError): string[] {
  return error.issues.map((issue) => `${issue.path.length > 0 ? issue.path.map(String).join(".") : "(request)"}: ${issue.message}`);
}
