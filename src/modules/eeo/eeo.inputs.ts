import { Field, InputType } from 'type-graphql';
import { EEO_ANSWER_ENUMS } from './categories.api';

@InputType({ description: 'Voluntary self-identification (US EEO). Every field is optional; answers to questions the organization does not ask are not kept. Stored apart from the application: hiring staff never see it.' })
export class EeoAnswersInput {
  @Field(() => EEO_ANSWER_ENUMS.gender, { nullable: true })
  gender?: string | null;

  @Field(() => EEO_ANSWER_ENUMS.race, { nullable: true })
  race?: string | null;

  @Field(() => EEO_ANSWER_ENUMS.veteran, { nullable: true })
  veteran?: string | null;

  @Field(() => EEO_ANSWER_ENUMS.disability, { nullable: true })
  disability?: string | null;
}
