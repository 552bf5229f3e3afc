import { Body, Controller, Get, Post, Res, StreamableFile, UploadedFile, UseInterceptors } from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-fastify/multipart';
import { ApiBody, ApiConsumes, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { CurrentPrincipal, type Principal } from '../auth/principal';
import { UuidParam } from '../common/uuid-param';
import { type AttachmentView, AttachmentsService, MAX_ATTACHMENT_BYTES } from './attachments.service';

// No storage given = memory storage, with hard limits: the upload is checked by content
// before a byte touches disk. File names are read as UTF-8 (Chinese names).
const UPLOAD = FileInterceptor('file', {
  limits: { fileSize: MAX_ATTACHMENT_BYTES, files: 1, fields: 5, fieldSize: 1024, parts: 6, headerPairs: 50 },
  defParamCharset: 'utf8',
});

@ApiTags('attachments')
@Controller('attachments')
export class AttachmentsController {
  constructor(private readonly attachments: AttachmentsService) {}

  @Post()
  @UseInterceptors(UPLOAD)
  @ApiConsumes('multipart/form-data')
  @ApiBody({
    schema: {
      type: 'object',
      required: ['file', 'estateId'],
      properties: {
        file: { type: 'string', format: 'binary' },
        estateId: { type: 'string', format: 'uuid' },
        instanceId: { type: 'string', format: 'uuid' },
      },
    },
  })
  @ApiOperation({ summary: 'Upload a photo (JPEG, PNG, WebP, HEIC) or PDF of at most 10 MB; the type is judged by content' })
  upload(
    @CurrentPrincipal() principal: Principal,
    @UploadedFile() file: unknown,
    @Body() fields: Record<string, unknown>,
  ): Promise<AttachmentView> {
    return this.attachments.upload(principal, { file, estateId: fields?.estateId, instanceId: fields?.instanceId });
  }

  @Get(':id')
  @ApiOperation({ summary: 'The file, to those who may see its request (404 to anyone else)' })
  async download(
    @CurrentPrincipal() principal: Principal,
    @UuidParam('id') id: string,
    @Res({ passthrough: true }) response: FastifyReply,
  ): Promise<StreamableFile> {
    const { attachment, stream } = await this.attachments.open(principal, id);
    // Served as an inert download or image: never a document that could run script on our origin.
    response.header('Content-Security-Policy', "default-src 'none'; sandbox");
    response.header('Cache-Control', 'private, max-age=3600');
    const disposition = attachment.contentType === 'application/pdf' ? 'attachment' : 'inline';
    return new StreamableFile(stream, {
      type: attachment.contentType,
      length: attachment.size,
      disposition: `${disposition}; filename*=UTF-8''${encodeURIComponent(attachment.fileName)}`,
    });
  }
}
