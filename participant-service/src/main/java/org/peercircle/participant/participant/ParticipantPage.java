package org.peercircle.participant.participant;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.peercircle.participant.paging.PageRequest;

/** One page of the participant list. */
@Schema(name = "ParticipantPage")
public record ParticipantPage(List<ParticipantView> items, int page, int size, long totalItems, int totalPages) {

    static ParticipantPage of(List<ParticipantView> items, PageRequest request, long totalItems) {
        return new ParticipantPage(items, request.page(), request.size(), totalItems, request.totalPages(totalItems));
    }
}
