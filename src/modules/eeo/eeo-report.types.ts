import { Field, Int, ObjectType } from 'type-graphql';
import { EeoQuestion } from './categories.api';

@ObjectType({ description: 'One answer of one question: how many responses gave it, unless the cell is suppressed.' })
export class EeoReportCell {
  @Field({ description: 'The answer code (the question\'s enum value, e.g. DECLINE_TO_ANSWER).' })
  answer!: string;

  @Field()
  label!: string;

  @Field(() => Int, { nullable: true, description: 'Null when suppressed.' })
  count!: number | null;

  @Field({ description: 'Fewer than minimumCellSize responses, or hidden so that such a cell cannot be worked out from the others.' })
  suppressed!: boolean;
}

@ObjectType()
export class EeoReportQuestion {
  @Field(() => EeoQuestion)
  question!: EeoQuestion;

  @Field()
  label!: string;

  @Field(() => [EeoReportCell])
  cells!: EeoReportCell[];
}

@ObjectType({ description: 'Aggregate counts of voluntary self-identification answers. No individual response is ever returned.' })
export class EeoReport {
  @Field(() => Int, { description: 'Cells with fewer responses than this are suppressed.' })
  minimumCellSize!: number;

  @Field(() => Int, { nullable: true, description: 'How many responses the period holds; null (and every cell suppressed) when fewer than minimumCellSize.' })
  responses!: number | null;

  @Field(() => Date, { nullable: true, description: 'The period\'s start as counted: `from` rounded down to a whole UTC day.' })
  from!: Date | null;

  @Field(() => Date, { nullable: true, description: 'The period\'s end (exclusive) as counted: `to` rounded up to a whole UTC day.' })
  to!: Date | null;

  @Field(() => [EeoReportQuestion])
  questions!: EeoReportQuestion[];
}
