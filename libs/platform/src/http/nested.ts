import { applyDecorators } from '@nestjs/common';
import { Type } from 'class-transformer';
import { IsObject, ValidateNested } from 'class-validator';

/**
 * A nested DTO (issue 11): `ValidateNested` alone lets an array (`specialRequirements: []`, `lines: [[]]`)
 * through, since it validates an array's elements instead of refusing it; these add the "is an object" check
 * so the wrong shape is a 400 naming the field, never a handler crash. Use instead of ValidateNested + Type.
 */
export function NestedObject(type: () => new () => object): PropertyDecorator {
  return applyDecorators(IsObject({ message: ({ property }) => `${property} must be an object` }), ValidateNested(), Type(type));
}

/** An array of nested DTOs: each element must be an object (not an array, not a scalar), then is validated. */
export function NestedObjects(type: () => new () => object): PropertyDecorator {
  return applyDecorators(IsObject({ each: true, message: ({ property }) => `each element of ${property} must be an object` }), ValidateNested({ each: true }), Type(type));
}
