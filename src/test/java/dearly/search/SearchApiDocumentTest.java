package dearly.search;

import static org.assertj.core.api.Assertions.assertThat;

import dearly.reference.ApiDocument;
import org.junit.jupiter.api.Test;

/** Every field the search and similar APIs write is in the OpenAPI document, and every one there is written. */
class SearchApiDocumentTest {
    @Test
    void theFieldsTheApisWriteAreTheDocumentedFields() {
        assertThat(ApiDocument.written(SearchPages.SearchJson.class)).isEqualTo(ApiDocument.properties("SearchPage"));
        assertThat(ApiDocument.written(SearchPages.HitJson.class)).isEqualTo(ApiDocument.properties("SearchHit"));
        assertThat(ApiDocument.written(SearchPages.Facets.class)).isEqualTo(ApiDocument.properties("SearchFacets"));
        assertThat(ApiDocument.written(SearchPages.TopicCount.class)).isEqualTo(ApiDocument.properties("TopicCount"));
        assertThat(ApiDocument.written(SearchPages.LanguageCount.class)).isEqualTo(ApiDocument.properties("LanguageCount"));
        assertThat(ApiDocument.written(SearchPages.SimilarPage.class)).isEqualTo(ApiDocument.properties("SimilarPage"));
        assertThat(ApiDocument.written(SearchPages.SimilarJson.class)).isEqualTo(ApiDocument.properties("SimilarLetter"));
    }
}
