import { isEmail } from 'class-validator';
import type { FieldProblem } from '../../errors';
import { MIN_PASSWORD_LENGTH } from './password';

export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

/** Shared by the GraphQL inputs, the CLI and bootstrap, so every path applies the same rules. */
export function checkEmail(field: string, email: string): FieldProblem[] {
  const value = email.trim();
  if (value.length > 254 || !isEmail(value)) return [{ field, message: 'must be a valid email address' }];
  return [];
}

export function checkPassword(field: string, password: string): FieldProblem[] {
  if (password.length < MIN_PASSWORD_LENGTH) return [{ field, message: `must be at least ${MIN_PASSWORD_LENGTH} characters` }];
  if (password.length > 1024) return [{ field, message: 'must be at most 1024 characters' }];
  return [];
}

export function checkName(field: string, name: string, max = 200): FieldProblem[] {
  const value = name.trim();
  if (!value) return [{ field, message: 'must not be empty' }];
  if (value.length > max) return [{ field, message: `must be at most ${max} characters` }];
  return [];
}
