import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { IsString, MaxLength } from 'class-validator';
import { ApiOk } from '../common/openapi.js';
import { MAX_BODY } from './dto/section.dto.js';
import { countWords } from '../../shared/word-count.js';

export class WordCountRequestDto {
  @ApiProperty({ description: 'Markdown', example: 'កុមារត្រូវការជំនួយផ្លូវច្បាប់' })
  @IsString()
  @MaxLength(MAX_BODY)
  text: string;
}

export class TextWordCountResponse {
  @ApiProperty({ description: 'Words as the limits count them', example: 3 })
  words: number;
}

/**
 * The server's count of a text. Words in Khmer and other scripts written without spaces are found with
 * a dictionary, and browsers carry other dictionaries than the server: the editor asks here so the count
 * it shows is the one the limits are checked against.
 */
@ApiTags('submissions')
@Controller('word-count')
export class WordCountController {
  @Post()
  @HttpCode(200)
  @ApiOperation({ summary: 'Count the words of a text as limits count them' })
  @ApiOk(TextWordCountResponse)
  count(@Body() dto: WordCountRequestDto): TextWordCountResponse {
    return { words: countWords(dto.text) };
  }
}
