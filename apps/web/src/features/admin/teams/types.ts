import type { components } from '../../../api/schema';

export type Team = components['schemas']['TeamViewDto'];
