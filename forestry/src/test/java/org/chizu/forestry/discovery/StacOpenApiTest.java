package org.chizu.forestry.discovery;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;

/** The STAC API's definition is valid OpenAPI 3.0, as API tools read it, and describes every operation the controller serves. */
class StacOpenApiTest {

    @Test
    void theDefinitionIsValidOpenApiAndDescribesEveryStacOperationWithItsOwnId() throws Exception {
        String document = new ObjectMapper().writeValueAsString(StacOpenApi.document("https://opendata.example.jp/chizu/stac"));
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        SwaggerParseResult parsed = new OpenAPIV3Parser().readContents(document, null, options);
        assertThat(parsed.getMessages()).as("OpenAPI 3.0 validation").isEmpty();
        OpenAPI api = parsed.getOpenAPI();

        List<String> operationIds = new ArrayList<>();
        api.getPaths().forEach((path, item) -> item.readOperations().forEach(operation -> operationIds.add(operation.getOperationId())));
        assertThat(operationIds).doesNotContainNull().doesNotHaveDuplicates();
        assertThat(api.getPaths().get("/search").getPost().getRequestBody().getContent()).containsKey("application/json");
        assertThat(api.getPaths().keySet()).containsAll(servedPaths());
    }

    /** The controller's paths under /stac, as the definition writes them (a trailing slash is the landing page too). */
    private static Set<String> servedPaths() {
        Set<String> paths = new HashSet<>();
        Arrays.stream(StacController.class.getDeclaredMethods()).flatMap(method -> Stream.concat(
                        Stream.ofNullable(method.getAnnotation(GetMapping.class)).flatMap(get -> Arrays.stream(get.value())),
                        Stream.ofNullable(method.getAnnotation(PostMapping.class)).flatMap(post -> Arrays.stream(post.value()))))
                .map(path -> path.substring("/stac".length()).replace("{collection}", "{collectionId}").replace("{item}", "{featureId}"))
                .forEach(path -> paths.add(path.isEmpty() ? "/" : path));
        return paths;
    }
}
