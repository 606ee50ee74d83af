import mongoose from 'mongoose';
import './app'; // registers every model
import { maxChars } from './model-limits';

test('maxChars counts characters as the request schemas do: 20 emoji fit a 20-character limit, 21 do not', () => {
  const { validator } = maxChars(20);
  expect(validator('😀'.repeat(20))).toBe(true); // 40 UTF-16 units
  expect(validator('😀'.repeat(21))).toBe(false);
  expect(validator(null)).toBe(true);
  expect(validator(42)).toBe(false);
});

test('no model limits text with Mongoose maxlength, which counts UTF-16 units and would turn accepted emoji into a 500', () => {
  const offending: string[] = [];
  const visit = (schema: mongoose.Schema, prefix: string) => {
    schema.eachPath((p, type) => {
      if ((type.options as { maxlength?: unknown }).maxlength !== undefined) offending.push(prefix + p);
      const sub = (type as unknown as { schema?: mongoose.Schema }).schema;
      if (sub) visit(sub, `${prefix}${p}.`);
    });
  };
  const names = mongoose.modelNames();
  expect(names.length).toBeGreaterThan(20);
  for (const name of names) visit(mongoose.model(name).schema as unknown as mongoose.Schema, `${name}.`);
  expect(offending).toEqual([]);
});
